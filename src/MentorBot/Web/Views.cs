using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MentorBot.Web;

/// <summary>
/// What one view renders: the reader and the page's model, handed to the page's components for this request (they
/// inject it, since a component's parameters must be public and MentorBot's types are internal).
/// </summary>
internal sealed class TabView
{
    public TabReader Reader { get; private set; } = null!;

    public object? Model { get; private set; }

    public T ModelAs<T>() => (T)(Model ?? throw new InvalidOperationException("This view has no model."));

    public void Set(TabReader? reader, object? model)
    {
        Reader = reader!;
        Model = model;
    }
}

/// <summary>A page's HTML as the tab loads it into itself: a Razor component rendered on the server, nothing interactive.</summary>
internal static class Views
{
    public static RazorComponentResult<TComponent> Page<TComponent>(HttpContext context, TabReader? reader, object? model, object? parameters = null, int statusCode = StatusCodes.Status200OK)
        where TComponent : IComponent
    {
        context.RequestServices.GetRequiredService<TabView>().Set(reader, model);
        return new(parameters ?? new { }) { StatusCode = statusCode, PreventStreamingRendering = true };
    }
}

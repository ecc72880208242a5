using MentorBot.Cards;

namespace MentorBot.Features.Reflections;

/// <summary>The reflection templates a mentor can fill in: name, what it is for, and a button to start one.</summary>
internal static class TemplateListCard
{
    public static AdaptiveCard Build(IReadOnlyList<ReflectionTemplate> templates, Language l)
    {
        var body = new List<CardElement>
        {
            Blocks.Heading(l.Pick("Reflection templates", "Plantillas de reflexión")),
            Blocks.Subtle(l.Pick("Pick one to write a note about a mentee. Notes are private unless you share them.", "Elige una para escribir una nota sobre alguien a quien acompañas. Las notas son privadas salvo que las compartas.")),
        };
        foreach (var template in templates)
        {
            body.Add(new Container(
            [
                new TextBlock(template.Name) { Weight = FontWeight.Bolder, Wrap = true },
                new TextBlock(template.Summary) { Spacing = Spacing.Small, Wrap = true },
                new ActionSet([new ExecuteAction(l.Pick("Use this", "Usar esta"), ReflectionVerbs.Open, new Dictionary<string, string> { [ReflectionFields.Template] = template.Id })]),
            ])
            { Separator = true, Spacing = Spacing.Medium });
        }

        return Blocks.Card(l.Pick("Reflection templates", "Plantillas de reflexión"), body);
    }
}

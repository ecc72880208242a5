using System.Text.Json;
using MentorBot.Teams;
using MentorBot.Teams.Wire;

namespace MentorBot.Tests.Teams;

public sealed class TurnTranslatorTests
{
    [Theory]
    [InlineData("<at>MentorBot</at> help", "help")]
    [InlineData("  my map  ", "my map")]
    [InlineData("<p>check&nbsp;in</p>", "check\u00a0in")]
    [InlineData("", "")]
    public void Clean_text_removes_mentions_and_markup(string raw, string expected) =>
        Assert.Equal(expected, TurnTranslator.CleanText(raw));

    [Fact]
    public void Clean_text_bounds_huge_input()
    {
        Assert.Equal(TurnTranslator.MaxTextLength, TurnTranslator.CleanText(new string('x', 200_000)).Length);
    }

    [Fact]
    public void An_execute_invoke_yields_its_verb_and_string_data()
    {
        var value = JsonDocument.Parse("""{"action":{"type":"Action.Execute","verb":"checkin.submit","data":{"verb":"checkin.submit","period":"p1","confidence":4,"flag":true,"nested":{"x":1}}},"trigger":"manual"}""").RootElement;

        var (verb, data) = TurnTranslator.ReadExecute(value)!.Value;

        Assert.Equal("checkin.submit", verb);
        Assert.Equal("p1", data["period"]);
        Assert.Equal("4", data["confidence"]);
        Assert.Equal("true", data["flag"]);
        Assert.False(data.ContainsKey("nested"));
    }

    [Theory]
    [InlineData("""{"action":"x"}""")]
    [InlineData("""{"action":{"type":"Action.Execute"}}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"nothing":true}""")]
    public void Malformed_execute_values_yield_nothing(string json) =>
        Assert.Null(TurnTranslator.ReadExecute(JsonDocument.Parse(json).RootElement));

    [Fact]
    public void A_submit_value_carries_the_verb_among_the_inputs()
    {
        var (verb, data) = TurnTranslator.ReadSubmit(JsonDocument.Parse("""{"verb":"welcome.help","learned":"a lot"}""").RootElement)!.Value;

        Assert.Equal("welcome.help", verb);
        Assert.Equal("a lot", data["learned"]);
    }

    [Fact]
    public void The_tenant_comes_from_the_conversation_or_the_channel_data()
    {
        Assert.Equal("t1", TurnTranslator.TenantOf(new Activity { Conversation = new ConversationAccount { TenantId = "t1" } }));
        Assert.Equal("t2", TurnTranslator.TenantOf(new Activity { ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "t2" } } }));
    }

    [Fact]
    public void A_caller_needs_an_aad_object_id_and_a_tenant()
    {
        var activity = new Activity
        {
            From = new ChannelAccount { Id = "29:1", Name = "Alex Wilber", AadObjectId = "aad-1" },
            Conversation = new ConversationAccount { Id = "c", TenantId = "t" },
            LocalTimezone = "America/Chicago",
        };

        var caller = TurnTranslator.CallerOf(activity)!;

        Assert.Equal(("t", "aad-1", "Alex Wilber", "America/Chicago"), (caller.TenantId, caller.AadObjectId, caller.DisplayName, caller.TimeZone));
        Assert.Null(TurnTranslator.CallerOf(new Activity { From = new ChannelAccount { Id = "29:1" }, Conversation = new ConversationAccount { TenantId = "t" } }));
    }
}

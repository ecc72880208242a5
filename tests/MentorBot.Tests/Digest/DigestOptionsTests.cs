using System.ComponentModel.DataAnnotations;
using MentorBot.Features.Digest;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Tests.Digest;

public sealed class DigestOptionsTests
{
    [Theory]
    [InlineData(2, false)]
    [InlineData(0, false)]
    [InlineData(3, true)]
    [InlineData(5, true)]
    public void The_minimum_group_size_is_refused_below_three(int size, bool valid)
    {
        var results = new List<ValidationResult>();
        var options = new DigestOptions { MinGroupSize = size };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.All(results, r => Assert.Contains("at least 3", r.ErrorMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void Day_and_time_bind_from_plain_text_and_default_to_monday_at_eight()
    {
        var bound = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Digest:Day"] = "Friday", ["Digest:Time"] = "07:30" }).Build()
            .GetSection(DigestOptions.SectionName).Get<DigestOptions>()!;

        Assert.Equal((DayOfWeek.Friday, new TimeOnly(7, 30)), (bound.Day, bound.Time));
        Assert.Equal((DayOfWeek.Monday, new TimeOnly(8, 0), 5, false), (new DigestOptions().Day, new DigestOptions().Time, new DigestOptions().MinGroupSize, new DigestOptions().AllowNudgeList));
    }
}

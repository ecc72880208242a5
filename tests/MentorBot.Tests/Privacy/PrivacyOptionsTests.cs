using System.ComponentModel.DataAnnotations;
using MentorBot.Features.Privacy;

namespace MentorBot.Tests.Privacy;

public sealed class PrivacyOptionsTests
{
    [Theory]
    [InlineData("29.00:00:00", false)]
    [InlineData("30.00:00:00", true)]
    [InlineData("365.00:00:00", true)]
    [InlineData("3650.00:00:00", true)]
    [InlineData("3651.00:00:00", false)]
    public void Answer_retention_is_between_thirty_days_and_ten_years(string value, bool valid)
    {
        var options = new PrivacyOptions { AnswerRetention = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Equal(valid, Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true));
    }

    [Fact]
    public void Answers_are_kept_for_a_year_by_default() => Assert.Equal(TimeSpan.FromDays(365), new PrivacyOptions().AnswerRetention);
}

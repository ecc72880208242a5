using System.Reflection;

namespace MentorBot.Tests.Hosting;

public sealed class ConfigurationDocsTests
{
    /// <summary>Every "Section:Key" the app binds, found from the options classes themselves.</summary>
    public static TheoryData<string> Keys()
    {
        var keys = new TheoryData<string>();
        var optionTypes = typeof(Program).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && t.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is not null);
        foreach (var type in optionTypes.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var section = (string)type.GetField("SectionName")!.GetValue(null)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true))
            {
                keys.Add($"{section}:{property.Name}");
            }
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Every_configuration_key_is_documented_in_the_deployment_guide(string key)
    {
        var guide = File.ReadAllText(RepositoryPaths.Combine("docs", "DEPLOY.md"));

        Assert.Contains($"`{key}`", guide, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_classes_are_found()
    {
        Assert.True(Keys().Count >= 30);
    }
}

using System.CommandLine;
using MentorBot.Teams;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace MentorBot.Features.TeamsApp;

/// <summary><c>manifest pack</c> writes appPackage.zip for sideloading; <c>manifest icons</c> redraws the icons.</summary>
internal static class ManifestCli
{
    public static Command Create(Func<IConfiguration> configuration, string repositoryManifestDirectory)
    {
        var manifest = new Command("manifest", "Build the Teams app package.");
        var output = new Option<FileInfo>("--output") { Description = "Where to write the package (default ./appPackage.zip)." };
        var directory = new Option<DirectoryInfo>("--manifest-dir") { Description = "The folder holding manifest.json, es.json and the icons (default ./manifest)." };
        var pack = new Command("pack", "Fill manifest.json from configuration (Bot:AppId, TeamsApp:*, Tab:ClientId) and write the app package to sideload in Teams.") { output, directory };
        pack.SetAction(parse =>
        {
            var config = configuration();
            var app = config.GetSection(TeamsAppOptions.SectionName).Get<TeamsAppOptions>() ?? new TeamsAppOptions();
            var botId = config.GetSection(BotOptions.SectionName)[nameof(BotOptions.AppId)];
            var tab = config.GetSection(Web.TabOptions.SectionName);
            var (values, problems) = ManifestPacker.Resolve(app, botId, tab[nameof(Web.TabOptions.ClientId)], tab[nameof(Web.TabOptions.ApplicationIdUri)]);
            if (values is null)
            {
                AnsiConsole.MarkupLine("[red]The app package was not written:[/]");
                foreach (var problem in problems)
                {
                    AnsiConsole.MarkupLine("  - " + Markup.Escape(problem));
                }

                AnsiConsole.MarkupLine("Set them in appsettings, as environment variables (TeamsApp__Domain=…) or on the command line (--TeamsApp:Domain=…).");
                return 1;
            }

            var source = parse.GetValue(directory)?.FullName ?? repositoryManifestDirectory;
            var target = parse.GetValue(output)?.FullName ?? Path.GetFullPath("appPackage.zip");
            ManifestPacker.Pack(source, values, target);
            AnsiConsole.MarkupLine($"[green]✓[/] Wrote {Markup.Escape(target)}. Upload it in Teams: Apps → Manage your apps → Upload an app.");
            return 0;
        });

        var iconsDirectory = new Option<DirectoryInfo>("--manifest-dir") { Description = "Where to write color.png and outline.png (default ./manifest)." };
        var icons = new Command("icons", "Redraw color.png (192×192) and outline.png (32×32) from their geometry.") { iconsDirectory };
        icons.SetAction(parse =>
        {
            var target = parse.GetValue(iconsDirectory)?.FullName ?? repositoryManifestDirectory;
            File.WriteAllBytes(Path.Combine(target, "color.png"), AppIcons.Color().Encode());
            File.WriteAllBytes(Path.Combine(target, "outline.png"), AppIcons.Outline().Encode());
            AnsiConsole.MarkupLine($"[green]✓[/] Wrote color.png and outline.png to {Markup.Escape(target)}.");
            return 0;
        });

        manifest.Subcommands.Add(pack);
        manifest.Subcommands.Add(icons);
        return manifest;
    }
}

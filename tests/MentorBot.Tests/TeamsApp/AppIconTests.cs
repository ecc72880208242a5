using MentorBot.Features.TeamsApp;

namespace MentorBot.Tests.TeamsApp;

public sealed class AppIconTests
{
    [Fact]
    public void The_colour_icon_is_192_square_with_a_filled_centre_and_transparent_rounded_corners()
    {
        var icon = PngImage.Decode(File.ReadAllBytes(RepositoryPaths.Combine("manifest", "color.png")));

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.Equal(0, icon[0, 0].A);
        Assert.Equal(255, icon[96, 10].A);
        Assert.Equal(255, icon[10, 96].A);
    }

    [Fact]
    public void The_outline_icon_is_32_square_white_on_transparent()
    {
        var icon = PngImage.Decode(File.ReadAllBytes(RepositoryPaths.Combine("manifest", "outline.png")));

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        var pixels = Enumerable.Range(0, 32).SelectMany(y => Enumerable.Range(0, 32).Select(x => icon[x, y])).ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
        Assert.InRange(pixels.Count(p => p.A > 0), 150, 700);
    }

    [Fact]
    public void The_committed_icons_are_exactly_what_the_geometry_draws()
    {
        Assert.Equal(AppIcons.Color().Rgba, PngImage.Decode(File.ReadAllBytes(RepositoryPaths.Combine("manifest", "color.png"))).Rgba);
        Assert.Equal(AppIcons.Outline().Rgba, PngImage.Decode(File.ReadAllBytes(RepositoryPaths.Combine("manifest", "outline.png"))).Rgba);
    }

    [Fact]
    public void Png_encoding_round_trips()
    {
        var image = new PngImage(3, 2);
        image[1, 1] = (10, 20, 30, 40);

        var decoded = PngImage.Decode(image.Encode());

        Assert.Equal(image.Rgba, decoded.Rgba);
        Assert.Equal((10, 20, 30, 40), ((int)decoded[1, 1].R, (int)decoded[1, 1].G, (int)decoded[1, 1].B, (int)decoded[1, 1].A));
    }
}

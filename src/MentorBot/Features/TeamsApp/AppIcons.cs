namespace MentorBot.Features.TeamsApp;

/// <summary>
/// Draws MentorBot's icons from geometry, so they are reproducible: two figures, a taller mentor beside a smaller
/// mentee, joined by an arc. The colour icon is white on a teal rounded square (192×192); the outline icon is the
/// same figures in white on transparent (32×32), as Teams requires. Edges are anti-aliased by 4×4 supersampling.
/// </summary>
internal static class AppIcons
{
    public const string AccentColor = "#0F766E";
    private static readonly (byte R, byte G, byte B) Teal = (0x0F, 0x76, 0x6E);

    public static PngImage Color() => Render(192, background: true);

    public static PngImage Outline() => Render(32, background: false);

    private static PngImage Render(int size, bool background)
    {
        var image = new PngImage(size, size);
        const int samples = 4;
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                int inBackground = 0, inFigure = 0;
                for (var sy = 0; sy < samples; sy++)
                {
                    for (var sx = 0; sx < samples; sx++)
                    {
                        // Unit coordinates: (0,0) top left, (1,1) bottom right.
                        var u = (x + ((sx + 0.5) / samples)) / size;
                        var v = (y + ((sy + 0.5) / samples)) / size;
                        inBackground += RoundedSquare(u, v, background ? 0.22 : 0) ? 1 : 0;
                        inFigure += Figures(u, v, background ? 0.16 : 0.02) ? 1 : 0;
                    }
                }

                var total = samples * samples;
                var figure = inFigure / (double)total;
                if (background)
                {
                    var coverage = inBackground / (double)total;
                    byte Mix(byte channel) => (byte)Math.Round((channel * (1 - figure)) + (255 * figure));
                    image[x, y] = (Mix(Teal.R), Mix(Teal.G), Mix(Teal.B), (byte)Math.Round(255 * coverage));
                }
                else
                {
                    image[x, y] = figure == 0 ? ((byte)0, (byte)0, (byte)0, (byte)0) : ((byte)255, (byte)255, (byte)255, (byte)Math.Round(255 * figure));
                }
            }
        }

        return image;
    }

    private static bool RoundedSquare(double u, double v, double radius)
    {
        if (radius == 0)
        {
            return true;
        }

        var dx = Math.Max(Math.Max(radius - u, u - (1 - radius)), 0);
        var dy = Math.Max(Math.Max(radius - v, v - (1 - radius)), 0);
        return (dx * dx) + (dy * dy) <= radius * radius;
    }

    /// <summary>The motif inside a margin: mentor (left, taller), mentee (right), and a supporting arc beneath.</summary>
    private static bool Figures(double u, double v, double margin)
    {
        var scale = 1 - (2 * margin);
        var x = (u - margin) / scale;
        var y = (v - margin) / scale;
        if (x is < 0 or > 1 || y is < 0 or > 1)
        {
            return false;
        }

        var mentorHead = Circle(x, y, 0.34, 0.24, 0.13);
        var mentorBody = Ellipse(x, y, 0.34, 0.66, 0.23, 0.27) && y < 0.72;
        var menteeHead = Circle(x, y, 0.70, 0.40, 0.10);
        var menteeBody = Ellipse(x, y, 0.70, 0.75, 0.17, 0.21) && y < 0.80;
        var arc = Math.Abs(Distance(x, y, 0.5, 0.40) - 0.52) < 0.045 && y > 0.83 && x > 0.12 && x < 0.88;
        var gap = Ellipse(x, y, 0.55, 0.62, 0.045, 0.26) && y > 0.42 && y < 0.80; // separates the two figures
        return (mentorHead || mentorBody || menteeHead || menteeBody || arc) && !(gap && !menteeHead && !mentorHead);
    }

    private static bool Circle(double x, double y, double cx, double cy, double r) => Distance(x, y, cx, cy) <= r;

    private static bool Ellipse(double x, double y, double cx, double cy, double rx, double ry) =>
        Math.Pow((x - cx) / rx, 2) + Math.Pow((y - cy) / ry, 2) <= 1;

    private static double Distance(double x, double y, double cx, double cy) => Math.Sqrt(Math.Pow(x - cx, 2) + Math.Pow(y - cy, 2));
}

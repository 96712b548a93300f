using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace SharingPlatform.Infrastructure.Seeding;

/// <summary>
/// The demo photos: a flat illustration of the thing, drawn from a few shapes (no photo is fetched from anywhere), one
/// scene per category of resource and per kind of lab.
/// </summary>
internal static class DemoIllustrations
{
    public const int Width = 800;
    public const int Height = 533;

    public enum LabKind
    {
        Maker,
        Kitchen,
        Electronics,
    }

    private static readonly Rgba32 Wall = new(232, 240, 248);
    private static readonly Rgba32 Floor = new(205, 214, 226);
    private static readonly Rgba32 Navy = new(37, 61, 101);
    private static readonly Rgba32 Blue = new(37, 99, 235);
    private static readonly Rgba32 Sky = new(147, 197, 253);
    private static readonly Rgba32 Wood = new(180, 124, 78);
    private static readonly Rgba32 DarkWood = new(129, 84, 52);
    private static readonly Rgba32 Orange = new(234, 120, 40);
    private static readonly Rgba32 Green = new(56, 142, 90);
    private static readonly Rgba32 LightGreen = new(167, 214, 160);
    private static readonly Rgba32 Grey = new(110, 118, 130);
    private static readonly Rgba32 LightGrey = new(222, 226, 232);
    private static readonly Rgba32 White = new(255, 255, 255);
    private static readonly Rgba32 Red = new(214, 69, 65);
    private static readonly Rgba32 Yellow = new(246, 196, 67);

    public static Image<Rgba32> Draw(ResourceCategory category)
    {
        var canvas = new Canvas();
        switch (category)
        {
            case ResourceCategory.Space:
                Room(canvas);
                break;
            case ResourceCategory.Equipment:
                Drill(canvas);
                break;
            case ResourceCategory.Goods:
                TablesAndBoxes(canvas);
                break;
            case ResourceCategory.Vehicle:
                Truck(canvas);
                break;
            default:
                Garden(canvas);
                break;
        }

        return canvas.Image;
    }

    public static Image<Rgba32> Draw(LabKind kind)
    {
        var canvas = new Canvas();
        switch (kind)
        {
            case LabKind.Maker:
                LaserCutter(canvas);
                break;
            case LabKind.Kitchen:
                Kitchen(canvas);
                break;
            default:
                CircuitBoard(canvas);
                break;
        }

        return canvas.Image;
    }

    /// <summary>A meeting room: window, whiteboard, a table with chairs.</summary>
    private static void Room(Canvas c)
    {
        c.Rect(0, 0, Width, Height, Wall);
        c.Rect(0, 380, Width, Height, Floor);
        c.Rect(70, 70, 300, 250, Sky, 10);
        c.Rect(180, 70, 190, 250, White);
        c.Rect(70, 155, 300, 165, White);
        c.Rect(420, 80, 720, 240, White, 8);
        c.Rect(450, 110, 620, 122, Blue, 6);
        c.Rect(450, 140, 680, 152, Sky, 6);
        c.Rect(450, 170, 580, 182, Sky, 6);
        foreach (var x in new[] { 190, 330, 470, 610 })
            c.Rect(x - 40, 300, x + 40, 400, Navy, 14);
        c.Rect(120, 360, 680, 400, Wood, 8);
        c.Rect(150, 400, 170, 490, DarkWood);
        c.Rect(630, 400, 650, 490, DarkWood);
    }

    /// <summary>A cordless drill on a workbench.</summary>
    private static void Drill(Canvas c)
    {
        c.Rect(0, 0, Width, Height, new Rgba32(250, 240, 228));
        c.Rect(0, 410, Width, Height, Wood);
        c.Rect(0, 410, Width, 425, DarkWood);
        c.Rect(250, 150, 520, 250, Orange, 40);
        c.Rect(520, 180, 600, 220, Grey, 8);
        c.Rect(600, 192, 680, 208, Navy, 4);
        c.Polygon(Orange, (300, 240), (380, 240), (360, 360), (290, 360));
        c.Rect(270, 350, 400, 400, Navy, 14);
        c.Circle(330, 200, 22, Yellow);
        c.Rect(90, 330, 200, 400, Grey, 10);
        c.Rect(110, 300, 180, 335, Navy, 8);
    }

    /// <summary>Folding tables and stacked boxes: goods lent for events.</summary>
    private static void TablesAndBoxes(Canvas c)
    {
        c.Rect(0, 0, Width, Height, new Rgba32(236, 246, 238));
        c.Rect(0, 420, Width, Height, LightGreen);
        c.Rect(80, 250, 430, 275, Green, 6);
        c.Polygon(Navy, (120, 275), (140, 275), (220, 430), (200, 430));
        c.Polygon(Navy, (390, 275), (370, 275), (290, 430), (310, 430));
        c.Rect(500, 300, 640, 430, Wood, 6);
        c.Rect(560, 300, 580, 430, DarkWood);
        c.Rect(520, 180, 660, 300, new Rgba32(201, 150, 101), 6);
        c.Rect(580, 180, 600, 300, DarkWood);
        c.Rect(660, 340, 740, 430, Wood, 6);
    }

    /// <summary>A small truck on a road.</summary>
    private static void Truck(Canvas c)
    {
        c.Rect(0, 0, Width, Height, new Rgba32(238, 236, 250));
        c.Rect(0, 400, Width, Height, Grey);
        foreach (var x in new[] { 40, 240, 440, 640 })
            c.Rect(x, 460, x + 110, 472, White, 4);
        c.Rect(120, 170, 520, 360, White, 12);
        c.Rect(120, 300, 520, 330, new Rgba32(120, 86, 170));
        c.Polygon(new Rgba32(120, 86, 170), (520, 220), (630, 220), (690, 290), (690, 360), (520, 360));
        c.Polygon(Sky, (540, 235), (620, 235), (665, 290), (540, 290));
        c.Circle(220, 370, 42, Navy);
        c.Circle(220, 370, 18, LightGrey);
        c.Circle(600, 370, 42, Navy);
        c.Circle(600, 370, 18, LightGrey);
    }

    /// <summary>A garden plot with a tent: the other things people share.</summary>
    private static void Garden(Canvas c)
    {
        c.Rect(0, 0, Width, Height, new Rgba32(230, 243, 252));
        c.Circle(680, 100, 50, Yellow);
        c.Rect(0, 360, Width, Height, LightGreen);
        c.Polygon(Green, (120, 360), (300, 130), (480, 360));
        c.Polygon(White, (270, 360), (300, 250), (330, 360));
        foreach (var x in new[] { 560, 620, 680, 740 })
        {
            c.Rect(x - 3, 360, x + 3, 420, Green);
            c.Circle(x, 350, 18, Green);
        }
        c.Rect(60, 430, 740, 445, new Rgba32(150, 110, 80), 6);
    }

    /// <summary>A laser cutter with a gear beside it: a maker space.</summary>
    private static void LaserCutter(Canvas c)
    {
        c.Rect(0, 0, Width, Height, new Rgba32(240, 244, 250));
        c.Rect(0, 430, Width, Height, Floor);
        c.Rect(120, 170, 560, 430, Navy, 14);
        c.Rect(150, 200, 530, 300, Sky, 8);
        c.Rect(180, 245, 500, 255, Red, 4);
        c.Rect(450, 330, 520, 360, Green, 6);
        c.Circle(660, 250, 80, Orange);
        c.Circle(660, 250, 30, new Rgba32(240, 244, 250));
        foreach (var (dx, dy) in new[] { (0, -95), (0, 95), (-95, 0), (95, 0) })
            c.Rect(660 + dx - 18, 250 + dy - 18, 660 + dx + 18, 250 + dy + 18, Orange, 4);
    }

    /// <summary>A stove with a pot: a test kitchen.</summary>
    private static void Kitchen(Canvas c)
    {
        c.Rect(0, 0, Width, Height, new Rgba32(252, 244, 236));
        c.Rect(0, 0, Width, 300, new Rgba32(245, 232, 220));
        c.Rect(100, 300, 700, 480, LightGrey, 10);
        c.Rect(100, 300, 700, 320, Grey);
        c.Rect(300, 350, 500, 450, Navy, 10);
        c.Rect(230, 200, 430, 300, Red, 20);
        c.Rect(210, 195, 450, 215, new Rgba32(170, 50, 48), 8);
        c.Rect(450, 230, 520, 245, new Rgba32(170, 50, 48), 6);
        c.Circle(600, 260, 35, Green);
        c.Circle(640, 280, 28, LightGreen);
    }

    /// <summary>A circuit board with a chip: an electronics bench.</summary>
    private static void CircuitBoard(Canvas c)
    {
        c.Rect(0, 0, Width, Height, new Rgba32(232, 245, 236));
        c.Rect(120, 90, 680, 450, Green, 18);
        c.Rect(320, 200, 480, 340, Navy, 8);
        for (var i = 0; i < 5; i++)
        {
            c.Rect(335 + i * 30, 180, 345 + i * 30, 200, LightGrey);
            c.Rect(335 + i * 30, 340, 345 + i * 30, 360, LightGrey);
        }
        c.Rect(160, 130, 300, 140, Yellow);
        c.Rect(500, 400, 640, 410, Yellow);
        c.Rect(160, 130, 170, 260, Yellow);
        c.Rect(630, 280, 640, 410, Yellow);
        c.Circle(200, 380, 26, Orange);
        c.Circle(600, 160, 26, Sky);
    }

    /// <summary>Shapes filled with 4 samples per pixel inside their bounds, so edges are smooth.</summary>
    private sealed class Canvas
    {
        private static readonly (float X, float Y)[] Samples = [(0.25f, 0.25f), (0.75f, 0.25f), (0.25f, 0.75f), (0.75f, 0.75f)];

        public Image<Rgba32> Image { get; } = new(Width, Height);

        public void Rect(float x0, float y0, float x1, float y1, Rgba32 colour, float radius = 0) =>
            Fill(x0, y0, x1, y1, colour, (x, y) =>
            {
                var dx = Math.Max(Math.Max(x0 + radius - x, x - (x1 - radius)), 0);
                var dy = Math.Max(Math.Max(y0 + radius - y, y - (y1 - radius)), 0);
                return dx * dx + dy * dy <= radius * radius;
            });

        public void Circle(float cx, float cy, float r, Rgba32 colour) =>
            Fill(cx - r, cy - r, cx + r, cy + r, colour, (x, y) => (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r);

        public void Polygon(Rgba32 colour, params (float X, float Y)[] points) =>
            Fill(points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y), colour, (x, y) =>
            {
                var inside = false;
                for (int i = 0, j = points.Length - 1; i < points.Length; j = i++)
                {
                    var (xi, yi) = points[i];
                    var (xj, yj) = points[j];
                    if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                        inside = !inside;
                }

                return inside;
            });

        private void Fill(float x0, float y0, float x1, float y1, Rgba32 colour, Func<float, float, bool> inside)
        {
            var left = Math.Max(0, (int)Math.Floor(x0));
            var right = Math.Min(Width, (int)Math.Ceiling(x1));
            var top = Math.Max(0, (int)Math.Floor(y0));
            var bottom = Math.Min(Height, (int)Math.Ceiling(y1));
            Image.ProcessPixelRows(rows =>
            {
                for (var y = top; y < bottom; y++)
                {
                    var row = rows.GetRowSpan(y);
                    for (var x = left; x < right; x++)
                    {
                        var covered = 0;
                        foreach (var (sx, sy) in Samples)
                        {
                            if (inside(x + sx, y + sy))
                                covered++;
                        }

                        if (covered > 0)
                            row[x] = Blend(row[x], colour, covered / 4f);
                    }
                }
            });
        }

        private static Rgba32 Blend(Rgba32 under, Rgba32 over, float amount) => new(
            (byte)(under.R + (over.R - under.R) * amount),
            (byte)(under.G + (over.G - under.G) * amount),
            (byte)(under.B + (over.B - under.B) * amount),
            255);
    }
}

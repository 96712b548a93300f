namespace SharingPlatform.Domain.Municipalities;

/// <summary>
/// One of Jeonbuk's 14 cities and counties (시군). A fixed list, not free text. The official Korean name is data (the open
/// data publishes it); the name in the reader's language comes from the texts (<c>Municipality_{code}</c>).
/// </summary>
public sealed record Municipality(string Code, string KoreanName)
{
    public static readonly Municipality Jeonju = new("jeonju", "전주시");
    public static readonly Municipality Gunsan = new("gunsan", "군산시");
    public static readonly Municipality Iksan = new("iksan", "익산시");
    public static readonly Municipality Jeongeup = new("jeongeup", "정읍시");
    public static readonly Municipality Namwon = new("namwon", "남원시");
    public static readonly Municipality Gimje = new("gimje", "김제시");
    public static readonly Municipality Wanju = new("wanju", "완주군");
    public static readonly Municipality Jinan = new("jinan", "진안군");
    public static readonly Municipality Muju = new("muju", "무주군");
    public static readonly Municipality Jangsu = new("jangsu", "장수군");
    public static readonly Municipality Imsil = new("imsil", "임실군");
    public static readonly Municipality Sunchang = new("sunchang", "순창군");
    public static readonly Municipality Gochang = new("gochang", "고창군");
    public static readonly Municipality Buan = new("buan", "부안군");

    public static IReadOnlyList<Municipality> All { get; } =
        [Jeonju, Gunsan, Iksan, Jeongeup, Namwon, Gimje, Wanju, Jinan, Muju, Jangsu, Imsil, Sunchang, Gochang, Buan];

    public static bool IsKnown(string? code) => All.Any(m => m.Code == code);

    public static Municipality FromCode(string code) =>
        All.FirstOrDefault(m => m.Code == code)
        ?? throw new DomainRuleException("unknown_municipality", $"'{code}' is not one of Jeonbuk's 14 municipalities.", code);
}

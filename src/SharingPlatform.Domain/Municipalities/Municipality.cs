namespace SharingPlatform.Domain.Municipalities;

/// <summary>One of Jeonbuk's 14 cities and counties (시군). A fixed list, not free text.</summary>
public sealed record Municipality(string Code, string KoreanName, string EnglishName)
{
    public static readonly Municipality Jeonju = new("jeonju", "전주시", "Jeonju");
    public static readonly Municipality Gunsan = new("gunsan", "군산시", "Gunsan");
    public static readonly Municipality Iksan = new("iksan", "익산시", "Iksan");
    public static readonly Municipality Jeongeup = new("jeongeup", "정읍시", "Jeongeup");
    public static readonly Municipality Namwon = new("namwon", "남원시", "Namwon");
    public static readonly Municipality Gimje = new("gimje", "김제시", "Gimje");
    public static readonly Municipality Wanju = new("wanju", "완주군", "Wanju");
    public static readonly Municipality Jinan = new("jinan", "진안군", "Jinan");
    public static readonly Municipality Muju = new("muju", "무주군", "Muju");
    public static readonly Municipality Jangsu = new("jangsu", "장수군", "Jangsu");
    public static readonly Municipality Imsil = new("imsil", "임실군", "Imsil");
    public static readonly Municipality Sunchang = new("sunchang", "순창군", "Sunchang");
    public static readonly Municipality Gochang = new("gochang", "고창군", "Gochang");
    public static readonly Municipality Buan = new("buan", "부안군", "Buan");

    public static IReadOnlyList<Municipality> All { get; } =
        [Jeonju, Gunsan, Iksan, Jeongeup, Namwon, Gimje, Wanju, Jinan, Muju, Jangsu, Imsil, Sunchang, Gochang, Buan];

    public static bool IsKnown(string? code) => All.Any(m => m.Code == code);

    public static Municipality FromCode(string code) =>
        All.FirstOrDefault(m => m.Code == code)
        ?? throw new DomainRuleException("unknown_municipality", $"'{code}' is not one of Jeonbuk's 14 municipalities.", code);
}

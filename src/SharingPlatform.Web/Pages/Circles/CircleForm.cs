using Microsoft.AspNetCore.Mvc.ModelBinding;
using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Web.Pages.Circles;

/// <summary>What the circle form holds (create and edit alike); topics are typed separated by commas.</summary>
public sealed class CircleForm
{
    public static readonly Dictionary<string, string> Inputs = ValidationErrors.Inputs(
        ("Input.Title", "Input.Title"),
        ("Input.Topics", "Input.Topics"),
        ("Input.Description", "Input.Description"),
        ("Input.Municipality", "Input.Municipality"),
        ("Input.MemberCap", "Input.MemberCap"),
        ("Input.JoinPolicy", "Input.JoinPolicy"));

    public string? Title { get; set; }

    public string? Topics { get; set; }

    public string? Description { get; set; }

    public string? Municipality { get; set; }

    public int? MemberCap { get; set; } = 20;

    public JoinPolicy JoinPolicy { get; set; } = JoinPolicy.Open;

    /// <summary>What the page itself checks, in the site's words (the binder's own refusal of a number included).</summary>
    public void Check(ModelStateDictionary modelState, Microsoft.Extensions.Localization.IStringLocalizer localizer)
    {
        if (string.IsNullOrWhiteSpace(Title))
            modelState.AddModelError("Input.Title", localizer["Error_CircleTitle_NotEmpty"]);
        if (!Domain.Municipalities.Municipality.IsKnown(Municipality ?? ""))
            modelState.AddModelError("Input.Municipality", localizer["Error_CircleMunicipality_Missing"]);
        if (modelState.GetValidationState("Input.MemberCap") != ModelValidationState.Invalid && MemberCap is not (>= 2 and <= Circle.MaxMemberCap))
            modelState.AddModelError("Input.MemberCap", localizer["Error_MemberCap_InclusiveBetween"]);
    }

    public CircleInput ToInput() => new(
        Title?.Trim() ?? "",
        (Topics ?? "").Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Description,
        Municipality ?? "",
        MemberCap ?? 0,
        JoinPolicy);

    public static CircleForm Of(CircleDetailsView circle) => new()
    {
        Title = circle.Title,
        Topics = string.Join(", ", circle.Topics),
        Description = circle.Description,
        Municipality = circle.Municipality,
        MemberCap = circle.MemberCap,
        JoinPolicy = circle.JoinPolicy,
    };
}

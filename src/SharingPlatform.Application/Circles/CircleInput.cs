using SharingPlatform.Domain.Circles;

namespace SharingPlatform.Application.Circles;

/// <summary>What a host types about a circle (create and edit alike).</summary>
public sealed record CircleInput(string Title, IReadOnlyList<string>? Topics, string? Description, string Municipality, int MemberCap, JoinPolicy JoinPolicy)
{
    public CircleDetails ToDetails() =>
        new(Title, Topics ?? [], Description ?? "", Domain.Municipalities.Municipality.FromCode(Municipality), MemberCap, JoinPolicy);
}

public static class CircleInputValidation
{
    public static void ValidCircleInput<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, CircleInput>> input) =>
        validator.RuleFor(input).NotNull().ChildRules(c =>
        {
            c.RuleFor(i => i.Title).NotEmpty().MaximumLength(Circle.TitleMaxLength);
            c.RuleFor(i => i.Description).MaximumLength(Circle.DescriptionMaxLength);
            c.RuleFor(i => i.Topics).Must(t => t is null || t.Count <= Circle.MaxTopics)
                .WithMessage(_ => Texts.Get("TooManyTopics", Circle.MaxTopics));
            c.RuleForEach(i => i.Topics).NotEmpty().MaximumLength(Circle.TopicMaxLength);
            c.RuleFor(i => i.Municipality).Must(Municipality.IsKnown)
                .WithMessage(_ => Texts.Get("UnknownMunicipality"));
            c.RuleFor(i => i.MemberCap).InclusiveBetween(2, Circle.MaxMemberCap);
            c.RuleFor(i => i.JoinPolicy).IsInEnum();
        });
}

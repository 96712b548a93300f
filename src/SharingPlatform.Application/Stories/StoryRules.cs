using System.Linq.Expressions;
using SharingPlatform.Domain.Stories;

namespace SharingPlatform.Application.Stories;

public static class StoryRules
{
    /// <summary>What a written or edited story must be before the domain sees it (the domain repeats the lengths).</summary>
    public static void ValidStory<T>(
        this AbstractValidator<T> validator, Expression<Func<T, string>> title, Expression<Func<T, string>> body,
        Expression<Func<T, IReadOnlyList<StoryLink>?>> links)
    {
        validator.RuleFor(title).NotEmpty().MaximumLength(Story.TitleMaxLength);
        validator.RuleFor(body).NotEmpty().MaximumLength(Story.BodyMaxLength);
        validator.RuleFor(links).Must(l => l is null || l.Count <= Story.MaxLinks)
            .WithMessage(_ => Texts.Get("StoryTooManyLinks", Story.MaxLinks));
        validator.RuleFor(links).Must(l => l is null || l.All(link => Enum.IsDefined(link.Type) && link.Id != Guid.Empty))
            .WithMessage(_ => Texts.Get("StoryLinkNotPublic"));
    }
}

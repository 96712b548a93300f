namespace SharingPlatform.Web.Pages.Programme;

/// <summary>The programme's public summary: what is shared where, and the hours shared this year.</summary>
public sealed class IndexModel(PublicAnswers answers) : PageModel
{
    public ProgrammeSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Summary = await answers.GetAsync(new GetProgrammeSummary(), cancellationToken);
}

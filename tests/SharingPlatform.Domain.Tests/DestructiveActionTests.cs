using System.Text.RegularExpressions;

namespace SharingPlatform.Domain.Tests;

/// <summary>
/// Every destructive action on the site asks first, the same way everywhere: a form whose submit button is styled as
/// danger (cancel, reject, suspend, remove) carries <c>data-confirm</c>, on the form or on that button.
/// </summary>
public sealed partial class DestructiveActionTests
{
    [Fact]
    public void Every_form_with_a_danger_button_asks_before_it_submits()
    {
        var pages = Path.Combine(RepositoryRoot.Path, "src/SharingPlatform.Web/Pages");
        var checkedForms = 0;
        var silent = new List<string>();
        foreach (var file in Directory.EnumerateFiles(pages, "*.cshtml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            foreach (Match form in Form().Matches(text))
            {
                var dangerous = DangerButton().Matches(form.Value).ToList();
                if (dangerous.Count == 0)
                    continue;
                checkedForms++;
                var asksForAll = form.Groups["head"].Value.Contains("data-confirm", StringComparison.Ordinal);
                if (!asksForAll && dangerous.Any(button => !button.Value.Contains("data-confirm", StringComparison.Ordinal)))
                    silent.Add($"{Path.GetRelativePath(pages, file)}:{text[..form.Index].Count(c => c == '\n') + 1}");
            }
        }

        checkedForms.ShouldBeGreaterThan(20);
        silent.ShouldBeEmpty();
    }

    [GeneratedRegex(@"(?<head><form\b[^>]*>).*?</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex(@"<button\b[^>]*\bbtn(-outline)?-danger\b[^>]*>")]
    private static partial Regex DangerButton();
}

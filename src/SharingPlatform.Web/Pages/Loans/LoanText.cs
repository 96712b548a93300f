namespace SharingPlatform.Web.Pages.Loans;

/// <summary>
/// How the loan pages put things into words: the lending terms as sentences, deposits in won, and the site's wording of
/// a refused loan rule. Booking and loan rules share codes (<c>too_long</c>…); a loan's are in days, so the loan pages
/// read <c>LoanRule_{code}</c> before <c>Rule_{code}</c>.
/// </summary>
public static class LoanText
{
    public static string Won(this IStringLocalizer localizer, int won) =>
        localizer["LoanDepositValue", won.ToString("N0", CultureInfo.CurrentCulture)];

    public static string Deposit(this IStringLocalizer localizer, int won) =>
        won == 0 ? localizer["LoanNoDeposit"] : localizer.Won(won);

    /// <summary>The lending terms as a resident reads them: "10 units", "at most 7 days"…</summary>
    public static IReadOnlyList<string> LendingInWords(this IStringLocalizer localizer, LendingInput lending)
    {
        var lines = new List<string>
        {
            lending.UnitLabels is { Count: > 0 } labels
                ? localizer["LendingTermUnitsLabelled", lending.Units, string.Join(", ", labels)]
                : localizer["LendingTermUnits", lending.Units],
            localizer["LendingTermMaxDays", lending.MaxLoanDays],
            localizer["LendingTermPerPerson", lending.MaxUnitsPerPerson],
            lending.MinNoticeDays == 0 ? localizer["LendingTermNoNotice"] : localizer["LendingTermNotice", lending.MinNoticeDays],
            localizer["LendingTermHorizon", lending.HorizonDays],
            localizer["LendingTermDeposit", localizer.Deposit(lending.DepositWon)],
            lending.ApprovalMode == ApprovalMode.Automatic ? localizer["LendingTermAutomatic"] : localizer["LendingTermManual"],
        };
        return lines;
    }

    /// <summary>Whether the borrower may still call the loan off (before the units go out).</summary>
    public static bool Cancellable(LoanStatus status) => status is LoanStatus.Requested or LoanStatus.Confirmed;

    /// <summary>The site's texts with the loan wording of shared rule codes first.</summary>
    public static IStringLocalizer ForLoans(this IStringLocalizer localizer) => new LoanWording(localizer);

    private sealed class LoanWording(IStringLocalizer inner) : IStringLocalizer
    {
        public LocalizedString this[string name] => Loan(name) is { } key && !inner[key].ResourceNotFound ? inner[key] : inner[name];

        public LocalizedString this[string name, params object[] arguments] =>
            Loan(name) is { } key && !inner[key].ResourceNotFound ? inner[key, arguments] : inner[name, arguments];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private static string? Loan(string name) => name.StartsWith("Rule_", StringComparison.Ordinal) ? "Loan" + name : null;
    }
}

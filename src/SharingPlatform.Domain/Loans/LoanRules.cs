using System.Globalization;
using SharingPlatform.Domain.Bookings;

namespace SharingPlatform.Domain.Loans;

/// <summary>Every rule of a resource's lending, each refusal with its stable code and the values it names.</summary>
public static class LoanRules
{
    public static void Check(SharedResource resource, int units, DateOnly pickupOn, DateOnly returnOn, LoanStanding standing, DateTimeOffset now)
    {
        if (resource.Status != ResourceStatus.Published)
            throw new DomainRuleException("resource_not_published", "This resource is not open for booking.");
        if (resource.Lending is not { } lending)
            throw new DomainRuleException("resource_not_lent", "This resource is booked by the slot, not lent by the day.");
        BookingRules.CheckNotPaused(standing.PausedUntil, now);
        if (returnOn < pickupOn)
            throw new DomainRuleException("return_before_pickup", "The return day comes on or after the pick-up day.");
        var today = SeoulTime.DateOf(now);
        if (pickupOn < today.AddDays(lending.MinNoticeDays))
            throw new DomainRuleException("too_little_notice", $"Ask at least {lending.MinNoticeDays} days ahead.", TimeSpan.FromDays(lending.MinNoticeDays));
        if (returnOn >= today.AddDays(lending.HorizonDays))
            throw new DomainRuleException("beyond_horizon", $"Loans open {lending.HorizonDays} days ahead.", lending.HorizonDays);
        if (returnOn.DayNumber - pickupOn.DayNumber + 1 > lending.MaxLoanDays)
            throw new DomainRuleException("too_long", $"A loan lasts at most {lending.MaxLoanDays} days.", TimeSpan.FromDays(lending.MaxLoanDays));
        if (units < 1 || units > lending.MaxUnitsPerPerson)
            throw new DomainRuleException("too_many_units", $"One loan takes between 1 and {lending.MaxUnitsPerPerson} units.", lending.MaxUnitsPerPerson);
        if (standing.UnitsHeld + units > lending.MaxUnitsPerPerson)
            throw new DomainRuleException("over_personal_cap", $"One person holds at most {lending.MaxUnitsPerPerson} units of this resource.", lending.MaxUnitsPerPerson);
        if (!resource.Policy.OpensOn(pickupOn))
            throw new DomainRuleException("closed_on_pickup", $"The desk is closed on {Day(pickupOn)}.", Day(pickupOn));
        if (!resource.Policy.OpensOn(returnOn))
            throw new DomainRuleException("closed_on_return", $"The desk is closed on {Day(returnOn)}.", Day(returnOn));
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

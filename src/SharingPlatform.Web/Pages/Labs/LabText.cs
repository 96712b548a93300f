namespace SharingPlatform.Web.Pages.Labs;

/// <summary>How the lab pages put a lab's things into words: the week's slot times, equipment names, a session's equipment.</summary>
public static class LabText
{
    /// <summary>"Laser cutter, 3D printer" of the equipment with those ids, in the lab's order.</summary>
    public static string EquipmentNames(IEnumerable<EquipmentView> equipment, IEnumerable<Guid> ids)
    {
        var set = ids.ToHashSet();
        return string.Join(", ", equipment.Where(e => set.Contains(e.Id)).Select(e => e.Name));
    }

    /// <summary>The pieces a session still holds, "—" for none.</summary>
    public static string SessionEquipment(LabBookingView session) =>
        session.Equipment.Any(e => !e.Released) ? string.Join(", ", session.Equipment.Where(e => !e.Released).Select(e => e.Name)) : "—";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string When(LabBookingView session) => BookingText.Period(session.SlotStartsAt, session.SlotEndsAt);

    public static int SlotMinutes(LabBookingView session) => (int)(session.SlotEndsAt - session.SlotStartsAt).TotalMinutes;

    public static DateOnly Today(TimeProvider clock) => SeoulTime.DateOf(clock.GetUtcNow());
}

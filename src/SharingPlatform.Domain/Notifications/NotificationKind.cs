namespace SharingPlatform.Domain.Notifications;

/// <summary>What a notification is about. Stored by name; a person may turn the email of each kind off.</summary>
public enum NotificationKind
{
    BookingConfirmed,
    BookingRejected,
    BookingCancelled,
    BookingRequested,
    BookingStillPending,
    BookingReminder,
    NoShowRecorded,
    BookingPaused,
    OrganizationVerified,
    OrganizationRejected,
    OrganizationSuspended,
    OrganizationRestored,
    ResourceApproved,
    ResourceRejected,
    ResourceSuspended,
    ResourceRestored,
    ReviewDigest,
    LabSessionBooked,
    LabSessionReminder,
    LabSessionCancelled,
    LabNoShowRecorded,
    LabEquipmentOutOfService,
    QualificationGranted,
    QualificationRevoked,
    LabApproved,
    LabRejected,
    LabSuspended,
    LabRestored,
}

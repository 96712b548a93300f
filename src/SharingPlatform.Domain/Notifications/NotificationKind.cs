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
    CircleJoinRequested,
    CircleJoinApproved,
    CircleJoinDeclined,
    CircleMemberRemoved,
    CircleSuspended,
    CircleRestored,
    MeetingScheduled,
    MeetingMoved,
    MeetingCancelled,
    MeetingPromoted,
    MeetingReminder,
}

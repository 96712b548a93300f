using Microsoft.Extensions.DependencyInjection;
using SharingPlatform.Application.Bookings;
using SharingPlatform.Application.Labs;
using SharingPlatform.Application.Loans;
using SharingPlatform.Application.Circles;
using SharingPlatform.Application.Notifications;
using SharingPlatform.Application.Proposals;
using SharingPlatform.Application.Reviews;
using SharingPlatform.Application.Stories;

namespace SharingPlatform.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<BookingNotices>();
        services.AddScoped<IReminderNotices, BookingReminders>();
        services.AddScoped<LabNotices>();
        services.AddScoped<IReminderNotices, LabReminders>();
        services.AddScoped<LoanNotices>();
        services.AddScoped<IReminderNotices, LoanReminders>();
        services.AddScoped<CircleNotices>();
        services.AddScoped<ProposalNotices>();
        services.AddScoped<ReviewNotices>();
        services.AddScoped<StoryNotices>();
        services.AddScoped<IReminderNotices, MeetingReminders>();
        // A validator holds only its rules, built once: its messages are read in the asker's language when a rule fails.
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SharingPlatform.Domain.Emails;
using SharingPlatform.Domain.Users;

namespace SharingPlatform.Application.Common;

public interface IApplicationDbContext
{
    DbSet<User> Users { get; }
    DbSet<OutgoingEmail> OutgoingEmails { get; }

    DatabaseFacade Database { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

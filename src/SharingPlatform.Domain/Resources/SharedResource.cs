namespace SharingPlatform.Domain.Resources;

public enum ResourceCategory
{
    Space,
    Equipment,
    Goods,
    Vehicle,
    Other,
}

public enum ResourceStatus
{
    Draft,
    PendingReview,
    Published,
    Rejected,
    Suspended,
    Archived,
}

/// <summary>
/// A space, piece of equipment, goods or vehicle an organization shares (a "gongyu jawon").
/// draft → pending review → published | rejected; published → suspended → published; archived by its owner.
/// </summary>
public sealed class SharedResource : IReviewed
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 5000;
    public const int MaxPhotos = 8;

    private readonly List<ResourcePhoto> _photos = [];

    private SharedResource()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }
    public ResourceCategory Category { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string Municipality { get; private set; } = "";
    public string Address { get; private set; } = "";
    public int? Capacity { get; private set; }
    public int? FeePerHour { get; private set; }
    public string FeeNote { get; private set; } = "";
    public BookingPolicy Policy { get; private set; } = null!;

    /// <summary>For a resource lent by the day in units (goods); null for one booked by the slot.</summary>
    public LendingPolicy? Lending { get; private set; }
    public ResourceStatus Status { get; private set; }
    public string? StatusReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<ResourcePhoto> Photos => _photos;

    public bool IsFree => FeePerHour is null or 0;

    public SharingMode SharingMode => Lending is null ? SharingMode.Slots : SharingMode.Loans;

    public static SharedResource CreateDraft(Guid organizationId, ResourceDetails details, BookingPolicy policy, DateTimeOffset now, LendingPolicy? lending = null)
    {
        var resource = new SharedResource
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            Status = ResourceStatus.Draft,
            CreatedAt = now.ToUniversalTime(),
        };
        resource.Edit(details, policy, now, lending);
        return resource;
    }

    /// <summary>
    /// Changes what the resource is and how it is shared: by the slot, or with <paramref name="lending"/> lent by the day
    /// (its opening hours and closed dates are then the desk's). A rejected resource goes back to draft.
    /// </summary>
    public void Edit(ResourceDetails details, BookingPolicy policy, DateTimeOffset now, LendingPolicy? lending = null)
    {
        if (Status is ResourceStatus.Archived or ResourceStatus.Suspended or ResourceStatus.PendingReview)
            throw new DomainRuleException("resource_not_editable", $"A resource that is {Status} cannot be edited.");
        Category = details.Category;
        Title = details.Title.Trim();
        Description = details.Description.Trim();
        Municipality = details.Municipality.Code;
        Address = details.Address.Trim();
        Capacity = details.Capacity;
        FeePerHour = details.FeePerHour;
        FeeNote = details.FeeNote.Trim();
        Policy = policy;
        Lending = lending;
        UpdatedAt = now.ToUniversalTime();
        if (Status == ResourceStatus.Rejected)
            Status = ResourceStatus.Draft;
    }

    /// <summary>
    /// The dates the resource is closed: an operational change that applies at once, also to a published resource (its
    /// other content changes through an administrator's review).
    /// </summary>
    public void ChangeClosedDates(IEnumerable<DateOnly> closedDates, DateTimeOffset now)
    {
        if (Status is ResourceStatus.Archived or ResourceStatus.Suspended)
            throw new DomainRuleException("resource_not_editable", $"A resource that is {Status} cannot be edited.");
        Policy = Policy with { ClosedDates = closedDates.Distinct().Order().ToList() };
        UpdatedAt = now.ToUniversalTime();
    }

    /// <summary>Sends a draft to review and stamps the time: the review queue serves the one that has waited longest first.</summary>
    public void Submit(DateTimeOffset now)
    {
        Move(ResourceStatus.Draft, ResourceStatus.PendingReview, null, "resource_not_draft");
        UpdatedAt = now.ToUniversalTime();
    }

    public void Approve() => Move(ResourceStatus.PendingReview, ResourceStatus.Published, null, "resource_not_pending_review");

    public void Reject(string reason) => Move(ResourceStatus.PendingReview, ResourceStatus.Rejected, Reason.Require(reason), "resource_not_pending_review");

    public void Suspend(string reason) => Move(ResourceStatus.Published, ResourceStatus.Suspended, Reason.Require(reason), "resource_not_published");

    public void Restore() => Move(ResourceStatus.Suspended, ResourceStatus.Published, null, "resource_not_suspended");

    Enum IModerated.Status => Status;

    void IModerated.Restore(string? reason) => Restore();

    public void Archive()
    {
        if (Status is ResourceStatus.Archived or ResourceStatus.Suspended)
            throw new DomainRuleException("resource_not_archivable", $"A resource that is {Status} cannot be archived.");
        Status = ResourceStatus.Archived;
        StatusReason = null;
    }

    public ResourcePhoto AddPhoto(string fileName, string thumbnailFileName, DateTimeOffset now)
    {
        if (_photos.Count >= MaxPhotos)
            throw new DomainRuleException("too_many_photos", $"A resource has at most {MaxPhotos} photos.");
        var photo = new ResourcePhoto(Id, fileName, thumbnailFileName, _photos.Count, now);
        _photos.Add(photo);
        return photo;
    }

    public ResourcePhoto RemovePhoto(Guid photoId)
    {
        var photo = _photos.SingleOrDefault(p => p.Id == photoId)
            ?? throw new DomainRuleException("no_such_photo", "The resource has no such photo.");
        _photos.Remove(photo);
        Renumber(_photos.OrderBy(p => p.Position).ToList());
        return photo;
    }

    /// <summary>Puts the photos in the given order; the list names every photo once.</summary>
    public void ReorderPhotos(IReadOnlyList<Guid> photoIds)
    {
        if (photoIds.Count != _photos.Count || photoIds.Distinct().Count() != _photos.Count || photoIds.Any(id => _photos.All(p => p.Id != id)))
            throw new DomainRuleException("photo_order_invalid", "List each of the resource's photos once.");
        Renumber(photoIds.Select(id => _photos.Single(p => p.Id == id)).ToList());
    }

    private static void Renumber(List<ResourcePhoto> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
            ordered[i].MoveTo(i);
    }

    private void Move(ResourceStatus from, ResourceStatus to, string? reason, string code)
    {
        if (Status != from)
            throw new DomainRuleException(code, $"The resource is {Status}, not {from}.");
        Status = to;
        StatusReason = reason;
    }
}

/// <summary>What a resource is, as its owner describes it.</summary>
public sealed record ResourceDetails(
    ResourceCategory Category,
    string Title,
    string Description,
    Municipality Municipality,
    string Address,
    int? Capacity,
    int? FeePerHour,
    string FeeNote);

public sealed class ResourcePhoto
{
    private ResourcePhoto()
    {
    }

    internal ResourcePhoto(Guid resourceId, string fileName, string thumbnailFileName, int position, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ResourceId = resourceId;
        FileName = fileName;
        ThumbnailFileName = thumbnailFileName;
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid ResourceId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ThumbnailFileName { get; private set; } = "";
    public int Position { get; private set; }

    internal void MoveTo(int position) => Position = position;
}

namespace SharingPlatform.Web.Api;

/// <summary>An endpoint that answers with an <c>ETag</c>, and 304 to a matching <c>If-None-Match</c>.</summary>
public sealed record ConditionalGetMetadata;

public static class ConditionalGet
{
    public static TBuilder AnswersNotModified<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ConditionalGetMetadata());
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharingPlatform.Infrastructure.Data.Configurations;

internal static class JsonColumns
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// A value read and written whole with its row, in one jsonb column, in the shape the API sends it (camelCase, enums
    /// as camelCase strings): the SQL that reads inside it (the free-period search, loan availability) relies on that.
    /// </summary>
    public static PropertyBuilder<T> IsJson<T>(this PropertyBuilder<T> property) =>
        property.HasColumnType("jsonb").HasConversion(
            value => JsonSerializer.Serialize(value, Json),
            json => JsonSerializer.Deserialize<T>(json, Json)!);
}

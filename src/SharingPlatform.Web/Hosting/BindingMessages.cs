using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace SharingPlatform.Web.Hosting;

/// <summary>
/// The model binder's own refusals ("abc" for a number, "May 1st" for a date) in the page's language, chosen by what
/// the field holds: a date, a time, a number, a choice from a list, anything else. Pages never rewrite them.
/// </summary>
internal sealed class BindingMessages(IStringLocalizer<SiteText> texts) : IBindingMetadataProvider
{
    public void CreateBindingMetadata(BindingMetadataProviderContext context)
    {
        var invalid = KeyFor(Nullable.GetUnderlyingType(context.Key.ModelType) ?? context.Key.ModelType);
        var messages = new DefaultModelBindingMessageProvider();
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => texts[invalid]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => texts[invalid]);
        messages.SetUnknownValueIsInvalidAccessor(_ => texts[invalid]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => texts[invalid]);
        messages.SetValueIsInvalidAccessor(_ => texts[invalid]);
        messages.SetValueMustBeANumberAccessor(_ => texts["Binder_Number"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => texts["Binder_Number"]);
        messages.SetMissingBindRequiredValueAccessor(_ => texts["Binder_Required"]);
        messages.SetMissingKeyOrValueAccessor(() => texts["Binder_Required"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => texts["Binder_Required"]);
        messages.SetValueMustNotBeNullAccessor(_ => texts["Binder_Required"]);
        context.BindingMetadata.ModelBindingMessageProvider = messages;
    }

    private static string KeyFor(Type type) =>
        type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) ? "Binder_Date"
        : type == typeof(TimeOnly) ? "Binder_Time"
        : type.IsEnum ? "Binder_Choice"
        : type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double) ? "Binder_Number"
        : "Binder_Invalid";
}

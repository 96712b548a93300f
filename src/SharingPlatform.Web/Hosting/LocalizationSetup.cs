using Microsoft.AspNetCore.Localization;

namespace SharingPlatform.Web.Hosting;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("ko"), new("en")];

    public static IServiceCollection AddSharingPlatformLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Neutral cultures, so en-US, en-GB… fall back to "en". ?culture=en, then the language-switch cookie, then Accept-Language; Korean when none matches.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer<SiteText>>((o, texts) => o.ModelMetadataDetailsProviders.Add(new BindingMessages(texts)));
        return services;
    }

    public static CultureInfo For(string twoLetterCode) =>
        Cultures.FirstOrDefault(c => c.TwoLetterISOLanguageName == twoLetterCode) ?? Cultures[0];
}

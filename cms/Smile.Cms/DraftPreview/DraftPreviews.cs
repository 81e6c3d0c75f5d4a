namespace Smile.Cms.DraftPreview;

/// <summary>Wiring of draft previews: the service (with its shared links) and its endpoints.</summary>
public static class DraftPreviews
{
    public static IServiceCollection AddSmileDraftPreview(this IServiceCollection services)
    {
        services.AddOptions<DraftPreviewOptions>().BindConfiguration(DraftPreviewOptions.Section)
            .Validate(o => o.LinkLifetime > TimeSpan.Zero, "Smile:Preview:LinkLifetime must be positive, e.g. 1.00:00:00 for a day.")
            .Validate(o => o.BaseUrl.Length == 0 || Uri.IsWellFormedUriString(o.BaseUrl, UriKind.Absolute), "Smile:Preview:BaseUrl must be an absolute URL such as https://cms.example.org, or empty.")
            .ValidateOnStart();
        services.AddSingleton<PreviewLinks>();
        services.AddSingleton<DraftPreviewService>();
        services.AddSingleton<Smile.Admin.Previewing.IPreviewLinks, AdminPreviewLinks>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Smile.Media.Derivatives;
using Smile.Media.Images;
using Smile.Media.Library;
using Smile.Media.Stores;

namespace Smile.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// The media library over the configured store: the disk under <paramref name="dataPath"/> (default) or
    /// an S3 bucket (<c>Smile:Media:Store = S3</c>). Needs the storage services (<c>AddSmileStorage</c>).
    /// </summary>
    public static IServiceCollection AddSmileMedia(this IServiceCollection services, string dataPath)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.AddSingleton<IMediaStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MediaOptions>>().Value;
            return options.Store.ToUpperInvariant() switch
            {
                "DISK" => new DiskMediaStore(Path.Combine(dataPath, options.Folder)),
                "S3" => new S3MediaStore(options.S3),
                _ => throw new InvalidOperationException($"Smile:Media:Store is '{options.Store}'; use Disk or S3."),
            };
        });
        services.AddSingleton<MediaLibrary>();
        services.AddSingleton<DerivativeService>();
        ImagingLimits.Apply();
        return services;
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Smile.Media.Images;
using Smile.Media.Stores;
using Smile.Storage.Media;

namespace Smile.Media.Derivatives;

/// <summary>
/// Hands out derivatives, rendering each once and keeping it in the store. Requests for the same derivative
/// that arrive while it is being rendered wait for that one rendering. A standard width renders the whole
/// standard set in WebP and JPEG in one pass (see <see cref="DerivativePipeline"/>): pages ask for all of them.
/// </summary>
public sealed class DerivativeService(IMediaStore store, IOptions<MediaOptions> options, ILogger<DerivativeService> logger) : IDisposable
{
    private static readonly DerivativeFormat[] SetFormats = [DerivativeFormat.WebP, DerivativeFormat.Jpeg];
    private readonly ConcurrentDictionary<string, Lazy<Task>> _inflight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _renderSlots = new(Math.Max(1, options.Value.MaxConcurrentRenders));
    private readonly EncoderSettings _settings = new(options.Value.JpegQuality, options.Value.WebpQuality, options.Value.AvifQuality);
    private int _renders;

    /// <summary>How many times an image was rendered (a set counts once) since start: a diagnostic for cache behaviour.</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>The derivative, rendered now if it is not yet stored; null when the asset is not an image or its original is gone.</summary>
    public async Task<StoredObject?> OpenAsync(MediaAssetRow asset, DerivativeRequest request, CancellationToken cancellationToken)
    {
        if (asset.Width is not { } originalWidth)
        {
            return null;
        }

        var key = MediaKeys.Derivative(asset.Id, request.CacheName(originalWidth));
        if (await store.OpenReadAsync(key, cancellationToken) is { } cached)
        {
            return cached;
        }

        var renderAsSet = request.Height is null && request.Format != DerivativeFormat.Avif && DerivativeRequest.StandardWidths.Contains(request.Width);
        var job = renderAsSet ? asset.Id + "/set" : key;
        var lazy = _inflight.GetOrAdd(job, _ => new Lazy<Task>(() => RenderAsync(asset, renderAsSet ? null : request)));
        try
        {
            await lazy.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            if (lazy.Value.IsCompleted)
            {
                _inflight.TryRemove(new KeyValuePair<string, Lazy<Task>>(job, lazy));
            }
        }

        return await store.OpenReadAsync(key, cancellationToken);
    }

    /// <summary>Renders the standard set ahead of the first request (after an upload or a recipe import).</summary>
    public async Task PrepareAsync(MediaAssetRow asset, CancellationToken cancellationToken)
    {
        await using var first = await OpenAsync(asset, new DerivativeRequest(DerivativeRequest.StandardWidths[0], null, DerivativeFormat.WebP), cancellationToken);
    }

    /// <summary>Runs detached from any one request, so a caller that gives up does not fail the others waiting.</summary>
    private async Task RenderAsync(MediaAssetRow asset, DerivativeRequest? single)
    {
        await _renderSlots.WaitAsync();
        string? copy = null;
        try
        {
            var originalKey = MediaKeys.Original(asset.Id);
            var source = store.LocalPath(originalKey);
            if (source is null)
            {
                copy = await CopyToTemporaryFileAsync(originalKey);
                if (copy is null)
                {
                    logger.LogWarning("The original of media {MediaId} is missing from the store.", asset.Id);
                    return;
                }

                source = copy;
            }

            var rendered = await Task.Run(() => single is null
                ? DerivativePipeline.RenderSet(source, SetWidths(asset.Width!.Value), SetFormats, _settings)
                : [DerivativePipeline.Render(source, Math.Min(single.Width, asset.Width!.Value), single.Height, single.Format, _settings, asset.FocalX ?? 0.5, asset.FocalY ?? 0.5)]);
            Interlocked.Increment(ref _renders);
            foreach (var derivative in rendered)
            {
                var name = single?.CacheName(asset.Width!.Value) ?? FormattableString.Invariant($"{Math.Min(derivative.Width, asset.Width!.Value)}.{derivative.Format.Extension}");
                await store.PutBytesAsync(MediaKeys.Derivative(asset.Id, name), derivative.Bytes, derivative.Format.ContentType, CancellationToken.None);
            }
        }
        finally
        {
            if (copy is not null)
            {
                File.Delete(copy);
            }

            _renderSlots.Release();
        }
    }

    /// <summary>The standard widths below the original, and the original's own width in place of the larger ones.</summary>
    public static IReadOnlyList<int> SetWidths(int originalWidth) =>
        [.. DerivativeRequest.StandardWidths.Select(w => Math.Min(w, originalWidth)).Distinct()];

    private async Task<string?> CopyToTemporaryFileAsync(string key)
    {
        await using var stored = await store.OpenReadAsync(key, CancellationToken.None);
        if (stored is null)
        {
            return null;
        }

        var path = Path.Combine(Path.GetTempPath(), "smile-media-render-" + Guid.NewGuid().ToString("N"));
        await using var file = File.Create(path);
        await stored.Content.CopyToAsync(file);
        return path;
    }

    public void Dispose() => _renderSlots.Dispose();
}

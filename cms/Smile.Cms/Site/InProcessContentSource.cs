using System.Text.Json;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Transport;
using Smile.Api.GraphQL.Execution;
using Smile.Content.Querying;
using Smile.Content.Security;
using Smile.Media.Derivatives;
using Smile.Media.Detection;
using Smile.Media.Stores;
using Smile.Site.Sources;
using Smile.Storage.Media;

namespace Smile.Cms.Site;

/// <summary>
/// The site generator's content source inside the CMS: the same executor, schema and limits as
/// <c>/api/graphql</c>, without the HTTP round trip. The public site reads as an anonymous caller (published
/// content only); a draft preview reads as the editor who asked for it. Media come the same way, by the same
/// rule as <c>/media/...</c> for anonymous readers.
/// </summary>
public sealed class InProcessContentSource(GraphQLExecutor executor, IContentReader reader, MediaCatalog catalog, IMediaStore store, DerivativeService derivatives, Actor actor) : IContentSource, IMediaSource
{
    private static readonly GraphQLSerializer Serializer = new();

    /// <summary>The same source reading as <paramref name="other"/> (an editor previewing a draft).</summary>
    public InProcessContentSource As(Actor other) => new(executor, reader, catalog, store, derivatives, other);

    public async Task<JsonElement> ExecuteAsync(ContentRequest request, CancellationToken cancellationToken)
    {
        var state = await reader.StateAsync(cancellationToken);
        var result = await executor.ExecuteAsync(new GraphQLRequest
        {
            Query = request.Document,
            OperationName = request.OperationName,
            Variables = request.Variables is null ? null : new Inputs(request.Variables.ToDictionary(v => v.Key, v => v.Value)),
        }, actor, state, cancellationToken);
        using var document = JsonDocument.Parse(Serializer.Serialize(result));
        return GraphQLAnswer.Data(document.RootElement, request.OperationName);
    }

    public async Task<bool> CopyMediaAsync(string path, Stream destination, CancellationToken cancellationToken)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not ["media", var id, var name] || !Media.MediaAccess.IsMediaId(id)
            || await catalog.FindAsync(id, cancellationToken) is not { } asset || !await catalog.IsPublicAsync(id, cancellationToken))
        {
            return false;
        }

        StoredObject? stored;
        if (name == "original" || name == "original" + Path.GetExtension(asset.FileName).ToLowerInvariant())
        {
            // As over HTTP: an image's original (with its EXIF) is never public.
            stored = MediaFormat.ByContentType(asset.ContentType)?.Kind == MediaKind.Image ? null : await store.OpenReadAsync(MediaKeys.Original(id), cancellationToken);
        }
        else
        {
            stored = DerivativeRequest.Parse(name) is { } request ? await derivatives.OpenAsync(asset, request, cancellationToken) : null;
        }

        if (stored is null)
        {
            return false;
        }

        await using (stored)
        {
            await stored.Content.CopyToAsync(destination, cancellationToken);
        }

        return true;
    }
}

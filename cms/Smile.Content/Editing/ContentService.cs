using Smile.Content.Rendering;
using Smile.Content.Security;
using Smile.Content.Storage;

namespace Smile.Content.Editing;

/// <summary>Runs editor work as one transaction: <c>await content.RunAsync(actor, e => e.PublishAsync(id))</c>.</summary>
public sealed class ContentService(IContentStore store, MarkupRenderer renderer, TimeProvider clock)
{
    public async Task<T> RunAsync<T>(Actor actor, Func<ContentEditor, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        var result = await work(new ContentEditor(session, renderer, clock, actor));
        await session.CommitAsync(cancellationToken);
        return result;
    }

    public Task RunAsync(Actor actor, Func<ContentEditor, Task> work, CancellationToken cancellationToken = default) =>
        RunAsync(actor, async editor =>
        {
            await work(editor);
            return true;
        }, cancellationToken);

    public async Task<T> RunTypesAsync<T>(Actor actor, Func<ContentTypeEditor, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var session = await store.BeginAsync(cancellationToken);
        var result = await work(new ContentTypeEditor(session, clock, actor));
        await session.CommitAsync(cancellationToken);
        return result;
    }
}

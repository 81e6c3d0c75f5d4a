namespace Smile.Content.Storage;

/// <summary>Opens units of work. Each session is one database transaction: everything in it lands, or nothing.</summary>
public interface IContentStore
{
    Task<IContentSession> BeginAsync(CancellationToken cancellationToken = default);
}

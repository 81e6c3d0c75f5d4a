using Microsoft.EntityFrameworkCore;
using Smile.Storage;

namespace Smile.Admin.Listing;

/// <summary>Who is behind a user id in lists, history and audit: the team is small, so all names are read at once.</summary>
public sealed class UserNames(IDbContextFactory<SmileDbContext> contexts)
{
    public async Task<IReadOnlyDictionary<string, string>> AllAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        var names = users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : $"{u.DisplayName} ({u.Email})", StringComparer.Ordinal);
        names["system"] = "System";
        return names;
    }

    public static string Of(IReadOnlyDictionary<string, string> names, string id) =>
        names.TryGetValue(id, out var name) ? name : id.StartsWith("apikey:", StringComparison.Ordinal) ? "API-Schlüssel " + id[7..] : id;
}

using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Smile.Cms.DraftPreview;

/// <summary>
/// Signed, expiring preview links: the item and who shared it, sealed with the data-protection key ring (kept in
/// the database, so a link works on every node and after restarts). The expiry is inside the sealed text, so an
/// expired link can be told apart from a forged one.
/// </summary>
public sealed class PreviewLinks(IDataProtectionProvider protection, IOptions<DraftPreviewOptions> options, TimeProvider clock)
{
    private const string Version = "1";

    private readonly IDataProtector _protector = protection.CreateProtector("Smile.DraftPreview.Links");

    public (string Token, DateTimeOffset ExpiresAt) Create(string itemId, string sharedBy)
    {
        var expiresAt = clock.GetUtcNow() + options.Value.LinkLifetime;
        var text = string.Join('\n', Version, itemId, sharedBy, expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return (_protector.Protect(text), expiresAt);
    }

    public PreviewLinkCheck Read(string token)
    {
        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return new PreviewLinkCheck(PreviewLinkState.Invalid, null, null);
        }
        catch (FormatException)
        {
            return new PreviewLinkCheck(PreviewLinkState.Invalid, null, null);
        }

        var parts = text.Split('\n');
        if (parts is not [Version, var itemId, var sharedBy, var expires] || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return new PreviewLinkCheck(PreviewLinkState.Invalid, null, null);
        }

        return clock.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(seconds)
            ? new PreviewLinkCheck(PreviewLinkState.Expired, itemId, sharedBy)
            : new PreviewLinkCheck(PreviewLinkState.Valid, itemId, sharedBy);
    }
}

public enum PreviewLinkState
{
    Valid,
    Expired,
    Invalid,
}

public sealed record PreviewLinkCheck(PreviewLinkState State, string? ItemId, string? SharedBy);

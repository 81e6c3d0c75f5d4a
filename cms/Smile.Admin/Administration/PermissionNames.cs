using Smile.Content.Security;

namespace Smile.Admin.Administration;

/// <summary>What each permission means, in the words of the editorial team (the page localizer translates them).</summary>
public static class PermissionNames
{
    public static string Of(Permission permission) => permission switch
    {
        Permission.ViewContent => "Inhalte lesen",
        Permission.PreviewDrafts => "Entwürfe in der Vorschau sehen",
        Permission.EditOwnContent => "Eigene Inhalte bearbeiten",
        Permission.EditAllContent => "Alle Inhalte bearbeiten",
        Permission.PublishOwnContent => "Eigene Inhalte veröffentlichen",
        Permission.PublishAllContent => "Alle Inhalte veröffentlichen",
        Permission.DeleteOwnContent => "Eigene Inhalte löschen",
        Permission.DeleteAllContent => "Alle Inhalte löschen",
        Permission.ManageMedia => "Medien verwalten",
        Permission.ManageUsers => "Konten und Rollen verwalten",
        Permission.ManageContentTypes => "Inhaltstypen verwalten",
        Permission.ManageApiKeys => "API-Schlüssel verwalten",
        Permission.ViewAuditTrail => "Protokoll einsehen",
        Permission.IngestObservations => "Messwerte einspielen",
        _ => permission.ToString(),
    };

    /// <summary>The permissions ticked in a form (checkbox values are the enum names); unknown values are ignored.</summary>
    public static HashSet<Permission> Parse(IEnumerable<string> values) =>
        values.Select(v => Enum.TryParse<Permission>(v, out var p) ? p : (Permission?)null).OfType<Permission>().ToHashSet();
}

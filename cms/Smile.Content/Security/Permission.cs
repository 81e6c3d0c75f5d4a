namespace Smile.Content.Security;

/// <summary>What a role may do. Stored by name, so keep the names stable.</summary>
public enum Permission
{
    ViewContent,
    PreviewDrafts,
    EditOwnContent,
    EditAllContent,
    PublishOwnContent,
    PublishAllContent,
    DeleteOwnContent,
    DeleteAllContent,
    ManageMedia,
    ManageUsers,
    ManageContentTypes,
    ManageApiKeys,
    ViewAuditTrail,
    IngestObservations,
}

using Microsoft.AspNetCore.Identity;

namespace Smile.Storage.Identity;

public sealed class SmileUser : IdentityUser
{
    public string? DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }
}

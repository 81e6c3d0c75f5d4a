namespace Smile.Admin;

/// <summary>Settings of the admin UI (<c>Smile:Admin</c>, next to the first administrator's).</summary>
public sealed class AdminOptions
{
    public const string Section = "Smile:Admin";

    public SignInOptions SignIn { get; set; } = new();

    /// <summary>Rows per page in content lists and the audit trail.</summary>
    public int PageSize { get; set; } = 25;

    public sealed class SignInOptions
    {
        /// <summary>Failed sign-ins one address may make within <see cref="FailureWindow"/> before it must wait.</summary>
        public int FailuresPerAddress { get; set; } = 20;

        public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
    }
}

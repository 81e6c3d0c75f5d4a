namespace Smile.Content.Items;

public static class ItemIds
{
    /// <summary>Time-ordered ids keep inserts in index order.</summary>
    public static string New() => Guid.CreateVersion7().ToString("N");

    /// <summary>Ids from recipes are readable and stable (<c>project-hafensport</c>); generated ids are hex.</summary>
    public static bool IsValid(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

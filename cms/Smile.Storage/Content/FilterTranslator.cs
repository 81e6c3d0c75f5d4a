using System.Linq.Expressions;
using Smile.Content.Items;
using Smile.Content.Querying;
using Smile.Content.Validation;

namespace Smile.Storage.Content;

/// <summary>
/// Turns a filter tree into a LINQ predicate over versions. Values become parameters of the SQL EF
/// generates; nothing is ever concatenated into a query.
/// </summary>
internal sealed class FilterTranslator(SmileDbContext db)
{
    public Expression<Func<ContentVersion, bool>> Translate(Filter filter) => filter switch
    {
        AllOf all => all.Filters.Count == 0 ? v => true : all.Filters.Select(Translate).Aggregate(Predicates.And),
        AnyOf any => any.Filters.Count == 0 ? v => false : any.Filters.Select(Translate).Aggregate(Predicates.Or),
        Not not => Predicates.Not(Translate(not.Filter)),
        RelatedTo related => Related(related),
        Compare compare when CommonField.All.Contains(compare.Field) => Common(compare),
        Compare compare => Indexed(compare),
        _ => throw new ContentValidationException("where", $"Unbekannter Filter {filter.GetType().Name}."),
    };

    private Expression<Func<ContentVersion, bool>> Related(RelatedTo related)
    {
        var field = related.Field;
        var targets = related.TargetIds;
        return v => db.Relations.Any(r => r.VersionId == v.Id && r.Field == field && targets.Contains(r.TargetId));
    }

    private static Expression<Func<ContentVersion, bool>> Common(Compare compare) => compare.Field switch
    {
        CommonField.Id => Text<ContentVersion>(v => v.ItemId, compare),
        CommonField.Title => Text<ContentVersion>(v => v.Title, compare),
        CommonField.Slug => Text<ContentVersion>(v => v.Slug!, compare),
        CommonField.Path => Text<ContentVersion>(v => v.Path!, compare),
        CommonField.Culture => Text<ContentVersion>(v => v.Culture, compare),
        CommonField.ContentType => Text<ContentVersion>(v => v.ContentType, compare),
        CommonField.Owner => Text<ContentVersion>(v => v.OwnerId, compare),
        CommonField.CreatedAt => Date<ContentVersion>(v => v.CreatedAt, compare),
        CommonField.ModifiedAt => Date<ContentVersion>(v => v.ModifiedAt, compare),
        _ => Date<ContentVersion>(v => v.PublishedAt!.Value, compare),
    };

    private Expression<Func<ContentVersion, bool>> Indexed(Compare compare)
    {
        var field = compare.Field;
        var values = db.FieldIndex;
        var sample = compare.Value is IEnumerable<object> list ? list.FirstOrDefault() : compare.Value;
        Expression<Func<ContentVersion, bool>> Exists(Expression<Func<Entities.FieldIndexRow, bool>> match)
        {
            var matchRow = Predicates.And(r => r.Field == field, match);
            return v => values.Where(r => r.VersionId == v.Id).Any(matchRow);
        }

        // "not equal" and "not in" are the negation of "some value matches", so items without a value match them too.
        var positive = compare.Operator switch
        {
            FilterOperator.NotEqual => compare with { Operator = FilterOperator.Equal },
            FilterOperator.NotIn => compare with { Operator = FilterOperator.In },
            _ => compare,
        };
        Expression<Func<ContentVersion, bool>> predicate = sample switch
        {
            string => Exists(Text<Entities.FieldIndexRow>(r => r.Text!, positive)),
            double or int or long or float or decimal => Exists(Number(positive)),
            DateTime => Exists(Date<Entities.FieldIndexRow>(r => r.Date!.Value, positive)),
            bool b => Exists(r => r.Boolean == b),
            null => v => !values.Any(r => r.VersionId == v.Id && r.Field == field),
            _ => throw new ContentValidationException(field, $"Nach Werten vom Typ {sample.GetType().Name} kann nicht gefiltert werden."),
        };
        return ReferenceEquals(positive, compare) ? predicate : Predicates.Not(predicate);
    }

    private static Expression<Func<Entities.FieldIndexRow, bool>> Number(Compare compare)
    {
        if (compare.Operator == FilterOperator.In)
        {
            var numbers = ((IEnumerable<object>)compare.Value!).Select(Convert.ToDouble).ToList();
            return r => numbers.Contains(r.Number!.Value);
        }

        var n = Convert.ToDouble(compare.Value, System.Globalization.CultureInfo.InvariantCulture);
        return compare.Operator switch
        {
            FilterOperator.Equal => r => r.Number == n,
            FilterOperator.GreaterThan => r => r.Number > n,
            FilterOperator.GreaterThanOrEqual => r => r.Number >= n,
            FilterOperator.LessThan => r => r.Number < n,
            FilterOperator.LessThanOrEqual => r => r.Number <= n,
            _ => throw Unsupported(compare, "Zahlen"),
        };
    }

    private static Expression<Func<T, bool>> Text<T>(Expression<Func<T, string>> column, Compare compare)
    {
        var operand = compare.Operator switch
        {
            FilterOperator.In or FilterOperator.NotIn => null,
            _ => compare.Value as string ?? throw new ContentValidationException(compare.Field, $"Für '{compare.Field}' wird ein Text erwartet."),
        };
        Expression<Func<string, bool>> test = compare.Operator switch
        {
            FilterOperator.Equal => s => s == operand,
            FilterOperator.NotEqual => s => s != operand,
            FilterOperator.Contains => s => s.Contains(operand!),
            FilterOperator.StartsWith => s => s.StartsWith(operand!),
            FilterOperator.In => InList(compare, negate: false),
            FilterOperator.NotIn => InList(compare, negate: true),
            FilterOperator.GreaterThan => s => string.Compare(s, operand) > 0,
            FilterOperator.GreaterThanOrEqual => s => string.Compare(s, operand) >= 0,
            FilterOperator.LessThan => s => string.Compare(s, operand) < 0,
            FilterOperator.LessThanOrEqual => s => string.Compare(s, operand) <= 0,
            _ => throw Unsupported(compare, "Texte"),
        };
        return Predicates.Compose(column, test);
    }

    private static Expression<Func<string, bool>> InList(Compare compare, bool negate)
    {
        var list = ((IEnumerable<object>)compare.Value!).Select(o => o as string ?? throw new ContentValidationException(compare.Field, "Die Liste darf nur Texte enthalten.")).ToList();
        return negate ? s => !list.Contains(s) : s => list.Contains(s);
    }

    private static Expression<Func<T, bool>> Date<T>(Expression<Func<T, DateTime>> column, Compare compare)
    {
        var when = compare.Value as DateTime? ?? throw new ContentValidationException(compare.Field, $"Für '{compare.Field}' wird ein Zeitpunkt erwartet.");
        Expression<Func<DateTime, bool>> test = compare.Operator switch
        {
            FilterOperator.Equal => d => d == when,
            FilterOperator.NotEqual => d => d != when,
            FilterOperator.GreaterThan => d => d > when,
            FilterOperator.GreaterThanOrEqual => d => d >= when,
            FilterOperator.LessThan => d => d < when,
            FilterOperator.LessThanOrEqual => d => d <= when,
            _ => throw Unsupported(compare, "Zeitpunkte"),
        };
        return Predicates.Compose(column, test);
    }

    private static ContentValidationException Unsupported(Compare compare, string what) =>
        new(compare.Field, $"Der Vergleich {compare.Operator} ist für {what} nicht möglich.");
}

using System.Linq.Expressions;

namespace Smile.Storage.Content;

/// <summary>Combines predicate lambdas into one, so EF translates the whole tree into a single WHERE.</summary>
internal static class Predicates
{
    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    /// <summary><c>x =&gt; test(column(x))</c></summary>
    public static Expression<Func<T, bool>> Compose<T, TValue>(Expression<Func<T, TValue>> column, Expression<Func<TValue, bool>> test)
    {
        var body = new Replace(test.Parameters[0], column.Body).Visit(test.Body);
        return Expression.Lambda<Func<T, bool>>(body, column.Parameters);
    }

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right, Func<Expression, Expression, BinaryExpression> join)
    {
        var body = new Replace(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<T, bool>>(join(left.Body, body), left.Parameters);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

namespace Kinerja.Domain.Values;

/// <summary>
/// The outcome of parsing user text: a value, or a message (Bahasa Indonesia) saying what was
/// expected. Parsing never guesses; callers decide whether a failure is fatal.
/// </summary>
public readonly record struct ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    public string? Error { get; }

    public bool Success => Error is null;

    public T Value => Success ? _value! : throw new InvalidOperationException(Error);

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(default, error);

    public ParseResult<TOut> Map<TOut>(Func<T, TOut> map) =>
        Success ? ParseResult<TOut>.Ok(map(_value!)) : ParseResult<TOut>.Fail(Error!);
}

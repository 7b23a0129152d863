namespace RocketChat.Contracts.Runtime;

/// <summary>How an array or object query parameter is written, as OpenAPI's <c>style</c>/<c>explode</c> say.</summary>
public enum QueryStyle
{
    /// <summary><c>style: form, explode: true</c> (OpenAPI's default): <c>a=1&amp;a=2</c>; an object's properties become parameters of their own.</summary>
    FormExploded,

    /// <summary><c>style: form, explode: false</c>: <c>a=1,2</c>; an object as <c>a=key,value,key,value</c>.</summary>
    Form,

    /// <summary><c>style: spaceDelimited</c>: <c>a=1%202</c>.</summary>
    SpaceDelimited,

    /// <summary><c>style: pipeDelimited</c>: <c>a=1|2</c>.</summary>
    PipeDelimited,

    /// <summary><c>style: deepObject</c>: <c>a[key]=value</c> for each property.</summary>
    DeepObject,
}

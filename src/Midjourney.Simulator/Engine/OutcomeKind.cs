namespace Midjourney.Simulator.Engine;

/// <summary>The flavour-independent result of a submit; each flavour maps it to its own codes and HTTP statuses.</summary>
internal enum OutcomeKind
{
    /// <summary>Task created (or modal task submitted); code 1, or 22 when it waits behind others.</summary>
    Accepted,

    /// <summary>Task created in MODAL state (code 21 where the flavour has it).</summary>
    Modal,

    /// <summary>A result that is not a new task id: upload URLs, a seed, "Imagine all" ids.</summary>
    Value,

    /// <summary>All slots busy and the queue is full; nothing created.</summary>
    QueueFull,

    /// <summary>Banned prompt rejected at submit (code 24).</summary>
    Banned,

    /// <summary>Parent or task not found (code 3; TrueAI answers it with HTTP 404).</summary>
    NotFound,

    /// <summary>
    /// Code 3 that is not a missing task, answered with HTTP 200 everywhere: no usable account ("无可用的账号实例"), no
    /// seed found, a modal's parent missing ("目标任务不存在").
    /// </summary>
    Unavailable,

    /// <summary>TrueAI's <c>LogicException</c> (Redis down, <c>state</c> too long, guest limit): the <c>{"success":false,"code":-1}</c> envelope at HTTP 200.</summary>
    LogicError,

    /// <summary>Bad input or parent in the wrong state (code 4).</summary>
    Invalid,

    /// <summary>The gateway refuses this customId (<c>unknown_action:&lt;customId&gt;</c>).</summary>
    UnknownAction,
}

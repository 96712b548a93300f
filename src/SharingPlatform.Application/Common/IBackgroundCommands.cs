namespace SharingPlatform.Application.Common;

/// <summary>
/// Runs a command after the response, as its own retried background job. A use case that must answer in the same time
/// whoever asks (is this email registered?) does the same small work in the request for everyone and leaves the part
/// that differs to the job. The command is stored with the job: never put a secret in it.
/// </summary>
public interface IBackgroundCommands
{
    void Enqueue<TCommand>(TCommand command)
        where TCommand : ICommand;
}

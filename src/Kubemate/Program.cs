using Kubemate.Commands;

return await KubemateCommandLine.InvokeAsync(args);

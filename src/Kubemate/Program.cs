using Kubemate.Commands;

return await KubemateCommandLine.Build().Parse(args).InvokeAsync();

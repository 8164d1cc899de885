// The namespaces nearly every use case of the Application reads (its messages, validators, the
// ports and the typed ids), imported once for the project instead of at the top of each file.
global using FluentValidation;
global using Ledger.Application.Common.Interfaces;
global using Ledger.Application.Common.Messaging;
global using Ledger.Domain.Common;
global using Mediator;

import { FilterForm } from "@/components/ui/filter-form";
import { Select } from "@/components/ui/select";
import type { CredentialFilters } from "@/lib/credentials/credential-filters";
import { CREDENTIAL_METHODS } from "@/lib/credentials/schemas";
import { CREDENTIAL_STATUSES, methodLabels, statusLabels } from "@/lib/credentials/status";

export function CredentialFiltersForm({
  base,
  filters,
  owners,
}: {
  base: string;
  filters: CredentialFilters;
  owners: { id: string; name: string }[];
}) {
  return (
    <FilterForm label="Filter credentials" clearHref={base}>
      <div className="flex flex-col gap-1">
        <label htmlFor="q" className="text-sm font-medium text-slate-800">
          Search
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder="Name or Zoom email"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
        />
      </div>
      <Select
        id="status"
        name="status"
        label="Status"
        defaultValue={filters.status ?? ""}
        placeholder="Any status"
        options={CREDENTIAL_STATUSES.map((status) => ({ value: status, label: statusLabels[status] }))}
      />
      <Select
        id="method"
        name="method"
        label="Method"
        defaultValue={filters.method ?? ""}
        placeholder="Any method"
        options={CREDENTIAL_METHODS.map((method) => ({ value: method, label: methodLabels[method] }))}
      />
      <Select
        id="owner"
        name="owner"
        label="Owner"
        defaultValue={filters.owner ?? ""}
        placeholder="Anyone"
        options={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
      />
      <input type="hidden" name="sort" value={filters.sort} />
      <input type="hidden" name="dir" value={filters.dir} />
    </FilterForm>
  );
}

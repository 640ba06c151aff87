import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{Ir as t,ei as n,l as r,r as i,u as a}from"./index-COA5onxl.js";import{n as o}from"./space-D0qo4IWx.js";var s=e(n(),1),c=i(),l=r(`
  query PersonSearch($text: String) {
    users(filter: { text: $text }, first: 20) {
      edges {
        node {
          id
          username
          displayName
          department {
            id
            name
            nameEn
          }
        }
      }
    }
  }
`),u=250;function d({known:e=[],excludeIds:n=[],"aria-required":r,...i}){let{t:d,language:f}=a(),[p,m]=(0,s.useState)(``),[h,g]=(0,s.useState)(``);(0,s.useEffect)(()=>{let e=window.setTimeout(()=>g(p.trim()),u);return()=>window.clearTimeout(e)},[p]);let{data:_,loading:v,previousData:y}=t(l,{variables:{text:h||null}}),b=(_??y)?.users.edges??[],x=(0,s.useMemo)(()=>{let t=new Map;for(let n of e)t.set(n.value,n);for(let{node:e}of b){let n=e.department?` · ${f===`en`&&e.department.nameEn?e.department.nameEn:e.department.name}`:``;t.set(e.id,{value:e.id,label:`${e.displayName}${n} (@${e.username})`})}return[...t.values()].filter(e=>!n.includes(e.value))},[e,b,n,f]);return(0,c.jsx)(o,{placeholder:d(`field.select`),...i,showSearch:!0,filterOption:!1,loading:v,options:x,onSearch:m,onDropdownVisibleChange:e=>e?void 0:m(``),notFoundContent:d(v?`people.searching`:`people.none`)})}export{d as t};
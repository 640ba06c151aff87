const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/BarChart-66BM4C5r.js","assets/index-eZd5Ttaf.js","assets/index-CUDq8esg.css"])))=>i.map(i=>d[i]);
import{N as e,Pr as t,Pt as n,Qr as r,c as i,l as a,o,r as s,t as c,ti as l,u,v as d,y as f}from"./index-eZd5Ttaf.js";import{t as p}from"./space-BLuJt17u.js";import{t as m}from"./table-Dfne5Jg3.js";import{n as h,t as g}from"./colours-DfTPUJxm.js";import{t as _}from"./download-BJiwwcGJ.js";var v=l(r(),1),y=s(),b=(0,v.lazy)(()=>c(()=>import(`./BarChart-66BM4C5r.js`),__vite__mapDeps([0,1,2]))),x=i(`
  query DepartmentBoard {
    reports {
      tasksByStatus {
        departmentCode
        departmentName
        status
        count
      }
      overdueByDepartment {
        departmentCode
        departmentName
        tasks
        overdue
        completedLate
        completedOnTime
        notYetDue
        overdueRate
      }
    }
  }
`);function S({name:e}){let{t}=a(),r=_();return(0,y.jsx)(p,{children:[`csv`,`xlsx`].map(i=>(0,y.jsx)(n,{size:`small`,onClick:()=>void r(`/reports/${e}.${i}`),children:t(`board.download`,{format:i.toUpperCase()})},i))})}function C(){let{t:n,language:r}=a(),{data:i,error:s,loading:c}=t(x),l=(0,y.jsx)(d.Title,{level:1,style:{fontSize:22,margin:0},children:n(`nav.board`)});if(s)return(0,y.jsxs)(p,{direction:`vertical`,style:{width:`100%`},children:[l,(0,y.jsx)(f,{status:`403`,title:o(s,n,r)})]});let _=i?.reports,C=new Map;for(let e of _?.tasksByStatus??[]){let t=C.get(e.departmentCode)??{name:e.departmentName,total:0};t[e.status]=Number(t[e.status]??0)+e.count,t.total=Number(t.total)+e.count,C.set(e.departmentCode,t)}let w=[...C.values()];return(0,y.jsxs)(p,{direction:`vertical`,size:16,style:{width:`100%`},children:[l,(0,y.jsxs)(e,{size:`small`,loading:c&&!_,title:n(`board.tasksByStatus`),extra:(0,y.jsx)(S,{name:`task-status-by-department`}),"data-testid":`board-status`,children:[(0,y.jsx)(v.Suspense,{fallback:null,children:(0,y.jsx)(b,{rows:w,series:h.map(e=>({key:e,label:u(n,`status`,e),colour:g[e]}))})}),(0,y.jsx)(m,{size:`small`,rowKey:`name`,pagination:!1,scroll:{x:!0},dataSource:w,columns:[{title:n(`task.department`),dataIndex:`name`},{title:n(`board.total`),dataIndex:`total`},...h.map(e=>({title:u(n,`status`,e),key:e,render:(t,n)=>n[e]??0}))]})]}),(0,y.jsx)(e,{size:`small`,loading:c&&!_,title:n(`board.overdue`),extra:(0,y.jsx)(S,{name:`overdue-by-department`}),"data-testid":`board-overdue`,children:(0,y.jsx)(m,{size:`small`,rowKey:`departmentCode`,pagination:!1,scroll:{x:!0},dataSource:_?.overdueByDepartment??[],columns:[{title:n(`task.department`),dataIndex:`departmentName`},{title:n(`board.total`),dataIndex:`tasks`},{title:n(`board.delayed`),dataIndex:`overdue`},{title:n(`board.completedLate`),dataIndex:`completedLate`},{title:n(`board.completedOnTime`),dataIndex:`completedOnTime`},{title:n(`board.overdueRate`),key:`rate`,render:(e,t)=>t.overdueRate==null?`—`:`${Math.round(t.overdueRate*100)}%`}]})})]})}export{C as default};
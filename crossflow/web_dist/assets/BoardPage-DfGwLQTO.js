const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/BarChart-0DtkplF2.js","assets/rolldown-runtime-BLXQ4ufn.js","assets/index-Bv15gHvB.js","assets/index-BL77Dcnv.css"])))=>i.map(i=>d[i]);
import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{F as t,Lr as n,Lt as r,b as i,d as a,f as o,o as s,r as c,t as l,ti as u,u as d,x as f}from"./index-Bv15gHvB.js";import{t as p}from"./space-CDIbhnFy.js";import{t as m}from"./table-D89G-XBR.js";import{n as h,t as g}from"./colours-DfTPUJxm.js";import{t as _}from"./download-CaG-1IZg.js";var v=e(u(),1),y=c(),b=(0,v.lazy)(()=>l(()=>import(`./BarChart-0DtkplF2.js`),__vite__mapDeps([0,1,2,3]))),x=d(`
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
`);function S({name:e}){let{t}=a(),n=_();return(0,y.jsx)(p,{children:[`csv`,`xlsx`].map(i=>(0,y.jsx)(r,{size:`small`,onClick:()=>void n(`/reports/${e}.${i}`),children:t(`board.download`,{format:i.toUpperCase()})},i))})}function C(){let{t:e,language:r}=a(),{data:c,error:l,loading:u}=n(x),d=(0,y.jsx)(i.Title,{level:1,style:{fontSize:22,margin:0},children:e(`nav.board`)});if(l)return(0,y.jsxs)(p,{direction:`vertical`,style:{width:`100%`},children:[d,(0,y.jsx)(f,{status:`403`,title:s(l,e,r)})]});let _=c?.reports,C=new Map;for(let e of _?.tasksByStatus??[]){let t=C.get(e.departmentCode)??{name:e.departmentName,total:0};t[e.status]=Number(t[e.status]??0)+e.count,t.total=Number(t.total)+e.count,C.set(e.departmentCode,t)}let w=[...C.values()];return(0,y.jsxs)(p,{direction:`vertical`,size:16,style:{width:`100%`},children:[d,(0,y.jsxs)(t,{size:`small`,loading:u&&!_,title:e(`board.tasksByStatus`),extra:(0,y.jsx)(S,{name:`task-status-by-department`}),"data-testid":`board-status`,children:[(0,y.jsx)(v.Suspense,{fallback:null,children:(0,y.jsx)(b,{rows:w,series:h.map(t=>({key:t,label:o(e,`status`,t),colour:g[t]}))})}),(0,y.jsx)(m,{size:`small`,rowKey:`name`,pagination:!1,scroll:{x:!0},dataSource:w,columns:[{title:e(`task.department`),dataIndex:`name`},{title:e(`board.total`),dataIndex:`total`},...h.map(t=>({title:o(e,`status`,t),key:t,render:(e,n)=>n[t]??0}))]})]}),(0,y.jsx)(t,{size:`small`,loading:u&&!_,title:e(`board.overdue`),extra:(0,y.jsx)(S,{name:`overdue-by-department`}),"data-testid":`board-overdue`,children:(0,y.jsx)(m,{size:`small`,rowKey:`departmentCode`,pagination:!1,scroll:{x:!0},dataSource:_?.overdueByDepartment??[],columns:[{title:e(`task.department`),dataIndex:`departmentName`},{title:e(`board.total`),dataIndex:`tasks`},{title:e(`board.delayed`),dataIndex:`overdue`},{title:e(`board.completedLate`),dataIndex:`completedLate`},{title:e(`board.completedOnTime`),dataIndex:`completedOnTime`},{title:e(`board.overdueRate`),key:`rate`,render:(e,t)=>t.overdueRate==null?`—`:`${Math.round(t.overdueRate*100)}%`}]})})]})}export{C as default};